defmodule W do
  def reply(parent, x), do: send(parent, {:reply, self(), x * 2})
  def crash(reason), do: exit(reason)
end

defmodule T do
  def main do
    me = self()
    p1 = spawn(W, :reply, [me, 1])
    receive do: ({:reply, ^p1, v} -> IO.inspect(v, label: "spawn/3"))
    Process.flag(:trap_exit, true)
    p2 = spawn_link(W, :crash, [:linked])
    receive do: ({:EXIT, ^p2, r} -> IO.inspect(r, label: "spawn_link/3"))
    p3 = spawn_link(fn -> exit(:linked_fn) end)
    receive do: ({:EXIT, ^p3, r} -> IO.inspect(r, label: "spawn_link/1"))
    {p4, r4} = spawn_monitor(W, :crash, [:monitored])
    receive do: ({:DOWN, ^r4, :process, ^p4, r} -> IO.inspect(r, label: "spawn_monitor/3"))
    {p5, r5} = spawn_monitor(fn -> :ok end)
    receive do: ({:DOWN, ^r5, :process, ^p5, r} -> IO.inspect(r, label: "spawn_monitor/1"))
    Process.flag(:trap_exit, false)

    for {what, f} <- [
          {"spawn non-fun", fn -> spawn(:not_a_fun) end},
          {"spawn/3 non-list", fn -> spawn(W, :reply, :nope) end}
        ] do
      try do
        f.()
      rescue
        e -> IO.inspect(e, label: what)
      end
    end

    IO.inspect(send(self(), :echo), label: "send returns")
    receive do: (:echo -> :ok)
    IO.inspect(send(p1, :to_dead), label: "send to dead")
  end
end

T.main()

# spawn/3 of a built-in function.
me = self()

for {m, f, a} <- [{Kernel, :send, [me, :kernel]}, {:erlang, :send, [me, :erlang]}] do
  spawn(m, f, a)

  receive do
    msg -> IO.inspect(msg, label: "spawned #{inspect(m)}.#{f}")
  after
    300 -> IO.puts("never ran")
  end
end
