module example.com/release-workflow

go 1.22
