# Tests escalation: a nested supervisor over its max_restarts exits :shutdown; its parent restarts it if :permanent, not if :transient.
defmodule Leaf do
  use GenServer

  def start_link({name, parent}), do: GenServer.start_link(__MODULE__, {name, parent}, name: name)

  @impl true
  def init({name, parent}) do
    send(parent, {:started, name})
    {:ok, name}
  end
end

defmodule Mid do
  use Supervisor

  def start_link({name, leaf, parent}),
    do: Supervisor.start_link(__MODULE__, {name, leaf, parent}, name: name)

  @impl true
  def init({name, leaf, parent}) do
    send(parent, {:started, name})

    Supervisor.init([{Leaf, {leaf, parent}}],
      strategy: :one_for_one,
      max_restarts: 1,
      max_seconds: 5
    )
  end
end

defmodule T do
  def started(timeout \\ 2000) do
    receive do
      {:started, name} -> name
    after
      timeout -> :nothing
    end
  end

  def started_n(n), do: for(_ <- 1..n, do: started())

  def kill(name), do: Process.exit(Process.whereis(name), :kill)

  def show(top) do
    for {id, pid, type, _} <- Supervisor.which_children(top), do: {id, is_pid(pid), type}
  end
end

parent = self()

children = [
  Supervisor.child_spec({Leaf, {:steady, parent}}, id: :steady),
  Supervisor.child_spec({Mid, {:mid_perm, :leaf_p, parent}}, id: :mid_perm),
  Supervisor.child_spec({Mid, {:mid_trans, :leaf_t, parent}}, id: :mid_trans, restart: :transient)
]

{:ok, top} = Supervisor.start_link(children, strategy: :one_for_one)
IO.inspect(T.started_n(5), label: "start order")
steady = Process.whereis(:steady)
old_mid = Process.whereis(:mid_perm)

# One restart is within the nested supervisor's budget.
T.kill(:leaf_p)
IO.inspect(T.started(), label: "after first leaf kill")

# The second one is over it: the nested supervisor gives up, and the top restarts it.
mref = Process.monitor(old_mid)
T.kill(:leaf_p)
receive do: ({:DOWN, ^mref, _, _, reason} -> IO.inspect(reason, label: "mid_perm exit reason"))
IO.inspect(T.started_n(2), label: "after second leaf kill")
IO.puts("mid_perm has a new pid: #{Process.whereis(:mid_perm) not in [nil, old_mid]}")
IO.puts("steady untouched: #{Process.whereis(:steady) == steady}")

# A :transient nested supervisor that gives up exits with :shutdown, which counts as a normal exit.
T.kill(:leaf_t)
IO.inspect(T.started(), label: "transient first kill")
tref = Process.monitor(:mid_trans)
T.kill(:leaf_t)
receive do: ({:DOWN, ^tref, _, _, reason} -> IO.inspect(reason, label: "mid_trans exit reason"))
IO.inspect(T.started(300), label: "after transient gives up")
IO.inspect(T.show(top), label: "top children")
IO.inspect(Supervisor.count_children(top), label: "top counts")
IO.inspect(Supervisor.count_children(:mid_perm), label: "mid_perm counts")
