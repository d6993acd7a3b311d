# A two-level supervision tree and what a :rest_for_one restart does.
#
#   App (:one_for_one)
#   ├── Stats                  a worker
#   └── Pipeline (:rest_for_one)
#       ├── Source             started first
#       ├── Parser             depends on Source
#       └── Sink               depends on Parser
#
# With :rest_for_one, when a child dies, the supervisor stops the children
# started after it (they may depend on it), then restarts the dead child and
# those later ones in order. Children started before it keep running.
defmodule Stage do
  use GenServer

  # Every stage is registered under its name, so we can find its pid.
  def start_link(name), do: GenServer.start_link(__MODULE__, name, name: name)

  @impl true
  def init(name), do: {:ok, name}
end

defmodule Pipeline do
  use Supervisor

  def start_link(_arg), do: Supervisor.start_link(__MODULE__, :ok, name: __MODULE__)

  @impl true
  def init(:ok) do
    children =
      for name <- [Source, Parser, Sink] do
        Supervisor.child_spec({Stage, name}, id: name)
      end

    Supervisor.init(children, strategy: :rest_for_one)
  end
end

children = [
  Supervisor.child_spec({Stage, Stats}, id: Stats),
  Pipeline
]

{:ok, _app} = Supervisor.start_link(children, strategy: :one_for_one, name: App)

names = [Stats, Pipeline, Source, Parser, Sink]
before = Map.new(names, fn name -> {name, Process.whereis(name)} end)

# Kill the Parser and wait, with a monitor, until it is gone.
parser = Process.whereis(Parser)
ref = Process.monitor(parser)
Process.exit(parser, :kill)

receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.puts("Parser died: #{inspect(reason)}")
end

# Asking the Pipeline supervisor for its children is answered only after it
# has handled the exit; repeat until the Parser it lists is the new one.
wait = fn wait ->
  pids = for {_id, pid, _type, _mods} <- Supervisor.which_children(Pipeline), do: pid
  if parser in pids, do: wait.(wait), else: :ok
end

wait.(wait)

for name <- names do
  now = Process.whereis(name)
  verdict = if now == before[name], do: "kept its pid", else: "restarted (new pid)"
  IO.puts(String.pad_trailing(inspect(name), 10) <> verdict)
end

# Supervisor.which_children lists children in reverse order of the child list.
IO.inspect(Enum.map(Supervisor.which_children(Pipeline), &elem(&1, 0)), label: "Pipeline children")

IO.inspect(Supervisor.count_children(App), label: "App counts")
:ok = Supervisor.stop(App)
IO.puts("after stopping App, Sink alive: #{Process.whereis(Sink) != nil}")
