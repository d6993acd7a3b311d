# `super` in a function overriding what `use` injects (child_spec/1, GenServer
# callbacks), the default init/1 of `use GenServer`, and the :name option's error.
defmodule Conn do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  def child_spec(opts), do: Map.put(super(opts), :id, :custom)
  def handle_call(:s, _f, s), do: {:reply, s, s}
  def handle_info(:known, s), do: {:noreply, [:known | s]}
  def handle_info(msg, s), do: super(msg, s)
end
defmodule Plain do
  use GenServer
  def handle_call(:s, _f, s), do: {:reply, s, s}
end
defmodule W do
  use Agent
  def start_link(x), do: Agent.start_link(fn -> x end)
  def child_spec(arg), do: Map.put(super(arg), :restart, :temporary)
end
IO.inspect(Conn.child_spec(1))
IO.inspect(W.child_spec(2))
{:ok, p} = GenServer.start(Plain, :arg)
IO.inspect(GenServer.call(p, :s))
IO.inspect(function_exported?(Plain, :init, 1))
{:ok, c} = Conn.start_link([])
send(c, :known)
IO.inspect(GenServer.call(c, :s))
try do GenServer.start(Agent.Server, fn -> 1 end, name: "bad") rescue e -> IO.inspect(e.message) end
try do Agent.start_link(fn -> 1 end, name: 5) rescue e -> IO.inspect(e.message) end
