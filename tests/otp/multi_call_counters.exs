# GenServer.multi_call and abcast on the one node, :counters, and the
# {:send_local, ref} timers of :timer.send_after.
defmodule S do
  use GenServer
  def init(x), do: {:ok, x}
  def handle_call(:get, _f, s), do: {:reply, s, s}
  def handle_cast({:set, v}, _s), do: {:noreply, v}
end
GenServer.start_link(S, 1, name: :srv)
IO.inspect(GenServer.multi_call(:srv, :get))
IO.inspect(GenServer.multi_call([node()], :srv, :get))
IO.inspect(GenServer.multi_call([node()], :srv, :get, 1000))
IO.inspect(GenServer.multi_call(:nope, :get))
IO.inspect(GenServer.abcast([node()], :srv, {:set, 5}))
IO.inspect(GenServer.abcast(:srv, {:set, 6}))
IO.inspect(GenServer.call(:srv, :get))
c = :counters.new(3, [])
:counters.add(c, 1, 5); :counters.sub(c, 2, 2); :counters.put(c, 3, 9)
IO.inspect({:counters.get(c, 1), :counters.get(c, 2), :counters.get(c, 3)})
IO.inspect(:counters.info(c) |> Map.keys())
IO.inspect(elem(:timer.send_after(100, :x), 1) |> elem(0)); {:ok, t} = :timer.send_after(50, self(), :y); IO.inspect(:timer.cancel(t)); IO.inspect(:timer.cancel(t)); {:ok, t2} = :timer.send_after(10, :z); receive do m -> IO.inspect(m) end; IO.inspect(:timer.cancel(t2))
