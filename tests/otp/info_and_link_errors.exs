# Process.info of what a process keeps to itself (its dictionary, its
# messages) while it is runnable, and the plain :noproc of linking to a
# dead process.
w = spawn(fn -> Process.put(:role, :worker); receive do :go -> :ok end end)
Process.sleep(20)
send(w, :other)
IO.inspect(Process.info(w, :dictionary))
IO.inspect(Process.info(w, [:messages, :message_queue_len]))
send(w, :another)
IO.inspect(Process.info(w, :messages))
dead = spawn(fn -> :ok end); Process.sleep(20)
IO.inspect(try do Process.link(dead) catch k, v -> {k, v} end)
IO.inspect(try do Process.link(dead) rescue e -> e end)
{_, ref} = spawn_monitor(fn -> Process.link(dead) end)
receive do {:DOWN, ^ref, _, _, {r, _}} -> IO.inspect(r) end
IO.inspect(try do :erlang.error(:foo) catch k, v -> {k, v} end)
IO.inspect(try do :erlang.error({:x, 1}) rescue e -> e end)
