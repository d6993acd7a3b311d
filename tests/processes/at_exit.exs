# System.at_exit: handlers run when the script ends, newest first, with
# the exit status.
System.at_exit(fn s -> IO.puts("first #{s}") end)
System.at_exit(fn s -> IO.puts("second #{s}") end)
IO.puts("main")
