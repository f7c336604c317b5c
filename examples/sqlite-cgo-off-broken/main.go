package main

import (
	"database/sql"
	"log"
	"net/http"

	_ "github.com/mattn/go-sqlite3"
)

func main() {
	db, err := sql.Open("sqlite3", "/data/notes.db")
	if err != nil {
		log.Fatal(err)
	}
	// With CGO_ENABLED=0 this is where go-sqlite3's stub error appears.
	if err := db.Ping(); err != nil {
		log.Fatal(err)
	}
	http.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok\n")) })
	log.Fatal(http.ListenAndServe(":8080", nil))
}
