# The speakers example (see speakers.exs) written as a GenServer. The
# hand-written receive loop becomes callbacks: casts for the
# fire-and-forget {:add, name} and {:remove, name} commands, and a call
# for the team, which GenServer answers on the caller's behalf (no more
# passing our pid around and waiting for a reply by hand).
defmodule Speakers do
  use GenServer

  # Client API: what other processes use. The server's state is a map from
  # speaker name to talk, as before.
  def start_link(opts \\ []), do: GenServer.start_link(__MODULE__, %{}, opts)
  def add(server, name), do: GenServer.cast(server, {:add, name})
  def remove(server, name), do: GenServer.cast(server, {:remove, name})
  def assign(server, name, talk), do: GenServer.call(server, {:assign, name, talk})
  def team(server), do: GenServer.call(server, :team)
  def talks(server), do: GenServer.call(server, :talks)

  # Server callbacks: these run inside the server process.
  @impl true
  def init(speakers), do: {:ok, speakers}

  @impl true
  def handle_cast({:add, name}, speakers) do
    IO.puts("added #{name}")
    {:noreply, Map.put(speakers, name, :unassigned)}
  end

  def handle_cast({:remove, name}, speakers) do
    IO.puts("removed #{name}")
    {:noreply, Map.delete(speakers, name)}
  end

  @impl true
  def handle_call(:team, _from, speakers), do: {:reply, Map.keys(speakers), speakers}
  def handle_call(:talks, _from, speakers), do: {:reply, speakers, speakers}

  # A call can refuse: the reply tells the caller what happened.
  def handle_call({:assign, name, talk}, _from, speakers) do
    if Map.has_key?(speakers, name) do
      {:reply, :ok, Map.put(speakers, name, talk)}
    else
      {:reply, {:error, :unknown_speaker}, speakers}
    end
  end
end

# The server is registered under the module name, so no pid is needed.
{:ok, _pid} = Speakers.start_link(name: Speakers)
Speakers.add(Speakers, "Ada")
Speakers.add(Speakers, "Grace")
Speakers.add(Speakers, "Joe")
Speakers.remove(Speakers, "Grace")

# Messages from one process arrive in order, so the casts above are handled
# before this call: the team already reflects them.
IO.inspect(Speakers.team(Speakers), label: "team")

IO.inspect(Speakers.assign(Speakers, "Ada", "Engines of thought"), label: "assign Ada")
IO.inspect(Speakers.assign(Speakers, "Grace", "Compilers"), label: "assign Grace")

IO.inspect(Speakers.talks(Speakers), label: "talks")
