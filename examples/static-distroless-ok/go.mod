module example.com/static

go 1.22
