module example.com/alpinecgo

go 1.22
