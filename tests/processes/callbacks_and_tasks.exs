# GenServer and Task behaviour found by differential testing: thrown
# callback results, call tags, hand-made `from` tuples, completed tasks,
# shutting a task down after an await timed out, async_stream's
# options and exit messages, :sys.suspend and :sys.resume, Task.ignore,
# and Exception banners of Erlang error terms.
defmodule Thrower do
  use GenServer
  def init(:throw_ok), do: throw({:ok, :thrown_state})
  def init(:throw), do: throw(:oops)
  def handle_call(:get, _from, s), do: throw({:reply, {:thrown_reply, s}, s})
  def handle_call(:tag, {_pid, tag}, s), do: {:reply, match?([:alias | r] when is_reference(r), tag), s}

  def handle_call(:twice, from, s) do
    GenServer.reply(from, :first)
    {:reply, :second, s}
  end
end

{:ok, s} = GenServer.start(Thrower, :throw_ok)
IO.inspect(GenServer.call(s, :get))
IO.inspect(GenServer.start(Thrower, :throw))

{:ok, s} = GenServer.start(Thrower, :throw_ok)
IO.inspect(GenServer.call(s, :tag), label: "alias tag")
IO.inspect(GenServer.call(s, :twice))

receive do
  {[:alias | r], x} when is_reference(r) -> IO.inspect(x, label: "late reply")
after
  100 -> IO.puts("no late reply")
end

ref = make_ref()
send(s, {:"$gen_call", {self(), ref}, :tag})

receive do
  {^ref, r} -> IO.inspect(r, label: "hand-made call")
after
  200 -> IO.puts("hand-made call: no reply")
end

tag = make_ref()
GenServer.reply({self(), tag}, :unsolicited)

receive do
  {^tag, r} -> IO.inspect(r, label: "reply to a hand-made from")
after
  200 -> IO.puts("nothing")
end

IO.inspect(Task.await(Task.completed(:done)))
IO.inspect(Task.yield(Task.completed(42)))

t = Task.async(fn -> Process.sleep(300) end)
IO.puts(try do Task.await(t, 20) catch :exit, {:timeout, _} -> "await timed out" end)
IO.inspect(Task.shutdown(t), label: "shutdown")

IO.inspect(
  Task.async_stream([1, 50], fn n -> Process.sleep(n * 10); n end,
    timeout: 100, on_timeout: :kill_task, zip_input_on_exit: true)
  |> Enum.to_list()
)

Process.flag(:trap_exit, true)
IO.inspect(Task.async_stream([1, 2, 3], &(&1 * 2)) |> Enum.to_list())

receive do
  {:EXIT, _, r} -> IO.inspect(r, label: "EXIT")
after
  100 -> IO.puts("no EXIT from the stream's tasks")
end

IO.inspect(try do :erlang.error(:badarg, [1]) rescue e -> e end)
m = :no_such_module
IO.inspect(try do m.field rescue e -> Exception.message(e) end)

defmodule Box do
  use GenServer
  def init(x), do: {:ok, x}
  def handle_call(:get, _from, s), do: {:reply, s, s}
  def handle_cast({:put, v}, _s), do: {:noreply, v}
end

{:ok, _} = GenServer.start_link(Box, 3, name: :box)
:ok = :sys.suspend(:box)
GenServer.cast(:box, {:put, 4})
IO.inspect(:sys.get_state(:box), label: "suspended, state")
IO.inspect(try do GenServer.call(:box, :get, 50) catch :exit, {r, _} -> r end, label: "call while suspended")
:ok = :sys.resume(:box)
IO.inspect(GenServer.call(:box, :get), label: "after resume")

t = Task.async(fn -> Process.sleep(20); :result end)
IO.inspect(Task.ignore(t), label: "ignore running")
Process.sleep(50)

receive do
  m -> IO.inspect(m, label: "stray")
after
  50 -> IO.puts("no reply delivered after ignore")
end

t = Task.async(fn -> :quick end)
Process.sleep(20)
IO.inspect(Task.ignore(t), label: "ignore finished")
IO.puts(Exception.format_banner(:error, :badarg))
IO.puts(Exception.format_banner(:error, {:badmatch, 1}))
IO.inspect(Exception.normalize(:error, :badarith, []))
