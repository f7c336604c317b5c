package main

import "os/user"

func main() { _, _ = user.Current() }
