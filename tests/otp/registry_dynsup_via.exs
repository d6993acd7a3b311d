# Tests per-key workers: GenServers under a DynamicSupervisor named {:via, Registry, ...}; a restart re-registers the key.
defmodule Room do
  use GenServer

  def start_link(name), do: GenServer.start_link(__MODULE__, name, name: via(name))
  def via(name), do: {:via, Registry, {Rooms, name}}
  def post(name, msg), do: GenServer.cast(via(name), {:post, msg})
  def history(name), do: GenServer.call(via(name), :history)

  def open(name) do
    case DynamicSupervisor.start_child(RoomSup, {Room, name}) do
      {:ok, pid} -> {:started, pid}
      {:error, {:already_started, pid}} -> {:existing, pid}
    end
  end

  @impl true
  def init(name), do: {:ok, {name, []}}

  @impl true
  def handle_cast({:post, msg}, {name, msgs}), do: {:noreply, {name, [msg | msgs]}}

  @impl true
  def handle_call(:history, _from, {name, msgs}), do: {:reply, Enum.reverse(msgs), {name, msgs}}
end

children = [
  {Registry, keys: :unique, name: Rooms},
  {DynamicSupervisor, strategy: :one_for_one, name: RoomSup}
]

{:ok, top} = Supervisor.start_link(children, strategy: :rest_for_one)
IO.inspect(Enum.map(Supervisor.which_children(top), &elem(&1, 0)), label: "top children")

{:started, lobby} = Room.open("lobby")
{:started, _} = Room.open("garden")
{:existing, again} = Room.open("lobby")
IO.puts("second open finds the same pid: #{again == lobby}")
IO.inspect(DynamicSupervisor.count_children(RoomSup), label: "rooms")

Room.post("lobby", "hi")
Room.post("lobby", "anyone?")
Room.post("garden", "roses")
IO.inspect(Room.history("lobby"), label: "lobby")
IO.inspect(Room.history("garden"), label: "garden")

# Kill the lobby: the DynamicSupervisor restarts it and the new process registers the key again.
ref = Process.monitor(lobby)
Process.exit(lobby, :kill)
receive do: ({:DOWN, ^ref, _, _, reason} -> IO.inspect(reason, label: "lobby down"))

wait = fn wait ->
  case Registry.lookup(Rooms, "lobby") do
    [{pid, _}] when pid != lobby -> pid
    _ -> wait.(wait)
  end
end

new_lobby = wait.(wait)
IO.puts("lobby re-registered under a new pid: #{is_pid(new_lobby) and new_lobby != lobby}")
IO.inspect(Room.history("lobby"), label: "lobby after restart (state lost)")
IO.inspect(Room.history("garden"), label: "garden untouched")
IO.inspect(Registry.keys(Rooms, new_lobby), label: "keys of the new lobby")

# Stopping a room for good: terminate_child; the key disappears once the registry notices.
:ok = DynamicSupervisor.terminate_child(RoomSup, new_lobby)
gone = fn gone -> if Registry.lookup(Rooms, "lobby") != [], do: gone.(gone) end
gone.(gone)
IO.inspect(Registry.lookup(Rooms, "lobby"), label: "lobby after terminate_child")
IO.inspect(Registry.count(Rooms), label: "registered rooms")

# Stopping the top supervisor stops the rooms (children of RoomSup) before the registry.
garden = GenServer.whereis(Room.via("garden"))
IO.inspect(Supervisor.stop(top), label: "stop")
IO.puts("garden alive after stop: #{Process.alive?(garden)}")
IO.inspect({Process.whereis(Rooms), Process.whereis(RoomSup)}, label: "names after stop")
