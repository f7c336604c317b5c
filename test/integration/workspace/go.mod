module example.com/shipcheck-e2e

go 1.22
