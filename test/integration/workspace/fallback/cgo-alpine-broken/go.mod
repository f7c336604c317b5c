module example.com/cgo-alpine-broken

go 1.22
