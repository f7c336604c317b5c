// Looks up a host name. net uses the C resolver (and so cgo) unless built with -tags netgo or CGO_ENABLED=0.
package main

import (
	"fmt"
	"net"
	"os"
)

func main() {
	addrs, err := net.LookupHost("example.com")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(addrs)
}
