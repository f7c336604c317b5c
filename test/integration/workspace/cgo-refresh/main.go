// A service that is about to start using SQLite: the import is in place, `go get` has not run yet, so
// go.mod does not require go-sqlite3 (the suite adds the requirement and takes it out again).
package main

import (
	"database/sql"
	"log"

	_ "github.com/mattn/go-sqlite3"
)

func main() {
	db, err := sql.Open("sqlite3", "/data/notes.db")
	if err != nil {
		log.Fatal(err)
	}
	if err := db.Ping(); err != nil {
		log.Fatal(err)
	}
}
