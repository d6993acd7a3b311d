# Tests which exit reasons restart :permanent, :transient and :temporary children ({:stop, r, s}, :shutdown tuples, exit signals).
defmodule Job do
  use GenServer

  def start_link({id, parent}), do: GenServer.start_link(__MODULE__, {id, parent})

  @impl true
  def init({id, parent}) do
    send(parent, {:up, id, self()})
    {:ok, id}
  end

  # The server stops itself with the given reason (these reasons are not logged).
  @impl true
  def handle_cast({:stop_with, reason}, id), do: {:stop, reason, id}
end

defmodule T do
  def up(id), do: receive(do: ({:up, ^id, pid} -> pid))

  # Ask the supervisor until it has handled the exit of `old`: its children without `old`.
  def settle(sup, old) do
    children = Supervisor.which_children(sup)
    if Enum.any?(children, &(elem(&1, 1) == old)), do: settle(sup, old), else: children
  end

  # End the child `how`, then report whether the supervisor started it again.
  def trial(restart, how) do
    parent = self()
    id = {restart, how}
    spec = Supervisor.child_spec({Job, {id, parent}}, id: :job, restart: restart)
    {:ok, sup} = Supervisor.start_link([spec], strategy: :one_for_one)
    pid = up(id)
    ref = Process.monitor(pid)

    case how do
      {:stop, reason} -> GenServer.cast(pid, {:stop_with, reason})
      {:signal, reason} -> Process.exit(pid, reason)
    end

    reason = receive do: ({:DOWN, ^ref, _, _, r} -> r)
    [{:job, child, _, _}] = settle(sup, pid)
    restarted = is_pid(child) and up(id) == child
    state = if is_pid(child), do: :running, else: child

    IO.puts(
      String.pad_trailing("#{restart}", 10) <>
        String.pad_trailing(inspect(how), 30) <>
        "down #{inspect(reason)}, restarted #{restarted}, child #{state}"
    )

    Supervisor.stop(sup)
  end
end

hows = [
  {:stop, :normal},
  {:stop, :shutdown},
  {:stop, {:shutdown, :done}},
  {:signal, :shutdown},
  {:signal, :boom},
  {:signal, :kill}
]

for restart <- [:permanent, :transient], how <- hows, do: T.trial(restart, how)

# Temporary children are never restarted and vanish from which_children.
parent = self()

{:ok, sup} =
  Supervisor.start_link([Supervisor.child_spec({Job, {:temp, parent}}, restart: :temporary)],
    strategy: :one_for_one
  )

pid = T.up(:temp)
Process.exit(pid, :boom)
IO.inspect(T.settle(sup, pid), label: "which_children after temporary died")
IO.inspect(Supervisor.count_children(sup), label: "counts")
