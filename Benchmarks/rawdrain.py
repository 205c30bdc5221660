#!/usr/bin/env python3
"""The ceiling for flood.py: a client that logs in, asks for logs and throws every byte away.

Usage: rawdrain.py [PORT]   (default 18099; flood.py prints the rate when it is done)
"""
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 18099
with socket.create_connection(("127.0.0.1", port)) as connection:
    connection.recv(100)                      # auth/request
    connection.sendall(b"auth ClueCon\n\n")
    connection.recv(100)                      # +OK accepted
    connection.sendall(b"log 7\n\n")          # flood.py starts on the first log or event command
    while connection.recv(1 << 20):
        pass
