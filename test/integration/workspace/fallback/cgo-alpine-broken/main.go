package main

// #include <stdio.h>
// static void hello(void) { puts("hello from C"); }
import "C"

func main() { C.hello() }
