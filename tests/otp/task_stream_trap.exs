# A caller trapping exits gets a stream task's exit in the results, and
# no {:EXIT, pid, reason} message for it, ordered or not.
Process.flag(:trap_exit, true)
IO.inspect(Task.async_stream([1, 0, 2], fn n -> if n == 0, do: exit(:zero), else: n end) |> Enum.to_list())
receive do m -> IO.inspect(m) after 50 -> IO.puts("no message") end

Task.async_stream([3, 0, 4], fn n -> if n == 0, do: exit(:boom), else: n end, ordered: false)
|> Enum.to_list()
|> Enum.sort()
|> IO.inspect()

receive do m -> IO.inspect(m) after 50 -> IO.puts("no message") end
