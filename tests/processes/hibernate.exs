# Process.hibernate/3 and :erlang.hibernate/3 continue in the given function,
# keeping the process dictionary, in a loop of a thousand hibernations.
defmodule H do
  def wait(parent, n) do
    receive do
      {:inc, k} -> Process.hibernate(H, :wait, [parent, n + k])
      {:erl, k} -> :erlang.hibernate(H, :wait, [parent, n + k])
      :stop -> send(parent, {:stopped, n, Process.get(:kept)})
    end
  end
end
parent = self()
pid = spawn(fn -> Process.put(:kept, :yes); H.wait(parent, 0) end)
for i <- 1..1000, do: send(pid, {:inc, i})
send(pid, {:erl, 1})
send(pid, :stop)
receive do {:stopped, n, k} -> IO.inspect({n, k}) after 2000 -> IO.puts("timeout") end
