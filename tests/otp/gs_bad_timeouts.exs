# A callback result with a bad timeout is a bad return value as a whole:
# no reply goes out, and the server stops with the whole tuple.
# (Expected output recorded with Elixir's Logger off, --erl "-logger level none":
# the crash reports it would print are not what this checks.)
defmodule S do
  use GenServer
  def init(s), do: {:ok, s}
  def handle_call(:x, _f, s), do: {:reply, :ok, s, :soon}
  def handle_call(:y, _f, s), do: {:reply, :fine, s, 10}
  def handle_cast(:c, s), do: {:noreply, s, -5}
  def handle_info(:timeout, s), do: {:noreply, s}
end
{:ok, p} = GenServer.start(S, :s)
IO.inspect(GenServer.call(p, :y))
IO.inspect(try do GenServer.call(p, :x) catch :exit, {r, _} -> {:exit, r} end)
{:ok, p2} = GenServer.start(S, :s)
ref = Process.monitor(p2)
GenServer.cast(p2, :c)
receive do {:DOWN, ^ref, _, _, r} -> IO.inspect(r) end
