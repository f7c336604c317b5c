// A small HTTP service released as plain binaries and as a container image.
package main

import (
	"fmt"
	"log"
	"net/http"
)

var version = "dev"

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "release-workflow %s\n", version)
	})
	log.Fatal(http.ListenAndServe(":8080", nil))
}
