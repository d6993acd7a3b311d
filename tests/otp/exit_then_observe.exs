# A process that sends an exit signal and then observes its target (alive?,
# info, monitor, link, a call) sees the signal taken: signals between two
# processes arrive in the order sent.
a = spawn(fn -> receive do :never -> :ok end end)
Process.exit(a, :kill)
IO.inspect(Process.alive?(a), label: "alive?")

b = spawn(fn -> receive do :never -> :ok end end)
Process.exit(b, :kill)
ref = Process.monitor(b)
receive do {:DOWN, ^ref, _, _, r} -> IO.inspect(r, label: "DOWN") end

c = spawn(fn -> receive do :never -> :ok end end)
Process.exit(c, :custom)
IO.inspect(Process.info(c, :status), label: "info")

Process.flag(:trap_exit, true)
t = spawn(fn -> Process.flag(:trap_exit, true); receive do :never -> :ok end end)
Process.sleep(10)
Process.exit(t, :hey)
{:messages, [{:EXIT, from, why}]} = Process.info(t, :messages)
IO.inspect({from == self(), why}, label: "msgs")
Process.exit(t, :kill)
IO.inspect(Process.info(t, :messages), label: "msgs2")

d = spawn(fn -> receive do :never -> :ok end end)
Process.exit(d, :kill)
Process.link(d)
receive do m -> IO.inspect(m |> elem(2), label: "link") end

{:ok, ag} = Agent.start(fn -> 1 end)
Process.exit(ag, :kill)
IO.inspect((try do Agent.get(ag, & &1) catch :exit, r -> elem(r, 0) end), label: "agent")

Process.register(spawn(fn -> receive do :never -> :ok end end), :named)
Process.exit(Process.whereis(:named), :kill)
ref = Process.monitor(:named)
receive do {:DOWN, ^ref, _, who, r} -> IO.inspect({who, r}, label: "DOWN named") end
