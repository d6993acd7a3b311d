# Tests :rest_for_one and :one_for_all restart order: later siblings stop in reverse start order, then restart in start order.
defmodule Member do
  use GenServer

  def start_link({name, parent}), do: GenServer.start_link(__MODULE__, {name, parent}, name: name)

  @impl true
  def init({name, parent}) do
    Process.flag(:trap_exit, true)
    send(parent, {:event, {:start, name}})
    {:ok, {name, parent}}
  end

  @impl true
  def terminate(reason, {name, parent}), do: send(parent, {:event, {:stop, name, reason}})
end

defmodule T do
  def events(n, acc \\ [])
  def events(0, acc), do: Enum.reverse(acc)

  def events(n, acc) do
    receive do
      {:event, e} -> events(n - 1, [e | acc])
    after
      1000 -> Enum.reverse([:missing | acc])
    end
  end

  def pids(names), do: Enum.map(names, &Process.whereis/1)

  def run(strategy, victim) do
    names = [:a, :b, :c, :d]
    children = for n <- names, do: Supervisor.child_spec({Member, {n, self()}}, id: n)
    {:ok, sup} = Supervisor.start_link(children, strategy: strategy)
    IO.inspect(events(4), label: "#{strategy} started")
    before = pids(names)

    Process.exit(Process.whereis(victim), :kill)
    # Expected: stops for the affected siblings still alive, then starts.
    affected =
      case strategy do
        :one_for_one -> [victim]
        :rest_for_one -> Enum.drop_while(names, &(&1 != victim))
        :one_for_all -> names
      end

    evs = events(2 * length(affected) - 1)
    Enum.each(evs, &IO.inspect(&1, label: "  #{strategy} after killing #{victim}"))

    changed = for {n, old, new} <- Enum.zip([names, before, pids(names)]), do: {n, old != new}
    IO.inspect(changed, label: "#{strategy} pid changed")

    ids = for {id, pid, :worker, [Member]} <- Supervisor.which_children(sup), is_pid(pid), do: id
    IO.inspect(ids, label: "#{strategy} which_children ids")

    :ok = Supervisor.stop(sup)
    IO.inspect(events(4), label: "#{strategy} stop")
  end
end

T.run(:rest_for_one, :b)
T.run(:one_for_all, :c)
T.run(:one_for_one, :a)
