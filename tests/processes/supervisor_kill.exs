# Killing a supervisor kills its children (linked, not trapping) before
# its own supervisor hears of it, so the restarted supervisor finds their
# names free (as on the BEAM, where a waiting process handles an exit
# signal as it arrives).
defmodule Named do
  use GenServer
  def start_link(name), do: GenServer.start_link(__MODULE__, name, name: name)
  def init(name), do: {:ok, name}
end

defmodule InnerSup do
  use Supervisor
  def start_link(_), do: Supervisor.start_link(__MODULE__, :ok, name: __MODULE__)

  def init(:ok) do
    children = [
      Supervisor.child_spec({Named, :first}, id: :first),
      Supervisor.child_spec({Named, :second}, id: :second)
    ]

    Supervisor.init(children, strategy: :one_for_all)
  end
end

defmodule Main do
  def run do
    {:ok, top} = Supervisor.start_link([InnerSup], strategy: :one_for_one, max_restarts: 10)
    Enum.each(1..5, fn round -> kill(top, round) end)
  end

  defp kill(top, round) do
    old = Process.whereis(InnerSup)
    ref = Process.monitor(old)
    Process.exit(old, :kill)

    receive do
      {:DOWN, ^ref, :process, ^old, reason} -> IO.inspect({round, reason})
    end

    Process.sleep(50)
    IO.inspect(Supervisor.count_children(top))
    IO.inspect(Process.whereis(InnerSup) not in [nil, old])
  end
end

Main.run()
