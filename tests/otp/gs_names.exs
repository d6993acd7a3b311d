# Tests GenServer names: atom, {:via, Registry, {reg, key}} and {reg, key, value}, GenServer.whereis/1, taken names and casts to nobody.
defmodule Echo do
  use GenServer

  def start(name), do: GenServer.start(__MODULE__, name, name: name)
  def start_link(name), do: GenServer.start_link(__MODULE__, name, name: name)

  @impl true
  def init(name), do: {:ok, name}

  @impl true
  def handle_call(:who, _from, name), do: {:reply, name, name}
  def handle_call(:self, _from, name), do: {:reply, self(), name}
end

{:ok, _} = Registry.start_link(keys: :unique, name: Names)

{:ok, a} = Echo.start_link(:echo_a)
IO.puts("whereis atom: #{GenServer.whereis(:echo_a) == a}")
IO.puts("whereis pid: #{GenServer.whereis(a) == a}")
IO.puts("whereis {atom, node()}: #{GenServer.whereis({:echo_a, node()}) == a}")
IO.inspect(GenServer.whereis(:nobody_here), label: "whereis unknown atom")
IO.inspect(GenServer.call({:echo_a, node()}, :who), label: "call {name, node()}")

# A name taken by a plain registered process cannot be used by a GenServer.
blocker = spawn(fn -> Process.sleep(:infinity) end)
Process.register(blocker, :taken)
{:error, {:already_started, holder}} = Echo.start(:taken)
IO.puts("already_started points at the plain process: #{holder == blocker}")

# Via names: the key alone, or the key with a value stored in the registry.
via1 = {:via, Registry, {Names, "one"}}
via2 = {:via, Registry, {Names, "two", %{role: :backup}}}
{:ok, p1} = Echo.start_link(via1)
{:ok, p2} = Echo.start_link(via2)
IO.inspect(GenServer.call(via1, :who), label: "via1 who")
IO.puts("via1 call reaches p1: #{GenServer.call(via1, :self) == p1}")
IO.puts("whereis via2 (key only): #{GenServer.whereis({:via, Registry, {Names, "two"}}) == p2}")
[{^p1, v1}] = Registry.lookup(Names, "one")
[{^p2, v2}] = Registry.lookup(Names, "two")
IO.inspect({v1, v2}, label: "registry values")

# Starting again under a taken via name (even with another value) reports the holder.
{:error, {:already_started, h}} = Echo.start({:via, Registry, {Names, "two", :other}})
IO.puts("via already_started holder is p2: #{h == p2}")

# Casting to a name nobody holds still returns :ok.
IO.inspect(GenServer.cast(:nobody_here, :hello), label: "cast unknown atom")
IO.inspect(GenServer.cast({:via, Registry, {Names, "zzz"}}, :hello), label: "cast unknown via")

# Stopping frees the name; Registry removes the key asynchronously, so poll until it has.
:ok = GenServer.stop(via1)
wait = fn wait -> if Registry.lookup(Names, "one") != [], do: wait.(wait) end
wait.(wait)
IO.inspect(Registry.lookup(Names, "one"), label: "lookup one after stop")
IO.inspect(GenServer.whereis(via1), label: "whereis via1 after stop")
{:ok, p1b} = Echo.start_link(via1)
IO.puts("name reused by a new pid: #{p1b != p1 and GenServer.whereis(via1) == p1b}")
IO.inspect(Registry.count(Names), label: "registered count")
