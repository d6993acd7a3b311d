# :timer's intervals, tc and apply/kill after; :sys.get_state and
# replace_state on GenServers and Agents; Task.Supervisor's tasks.
defmodule Counter do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call(:get, _, n), do: {:reply, n, n}
end

defmodule TimerSysTasks do
  defp flush_ticks do
    receive do
      :tick -> flush_ticks()
    after
      0 -> :ok
    end
  end

  def timers do
    {:ok, t} = :timer.send_interval(10, :tick)
    for _ <- 1..2, do: receive(do: (:tick -> IO.puts("tick")))
    IO.inspect(:timer.cancel(t))
    # A tick sent before the cancel may already be queued (a loaded
    # machine delays the second tick and the third follows at once).
    flush_ticks()

    receive do
      :tick -> IO.puts("late tick")
    after
      40 -> IO.puts("no more ticks")
    end

    {us, v} = :timer.tc(fn -> :v end)
    IO.inspect({is_integer(us) and us >= 0, v})
    IO.inspect(:timer.tc(fn a, b -> a + b end, [1, 2]) |> elem(1))
    IO.inspect(:timer.tc(Enum, :sum, [[1, 2, 3]]) |> elem(1))
    parent = self()
    {:ok, _} = :timer.apply_after(10, Kernel, :send, [parent, :applied])
    receive do: (:applied -> IO.puts("applied"))
    pid = spawn(fn -> Process.sleep(:infinity) end)
    ref = Process.monitor(pid)
    {:ok, _} = :timer.kill_after(5, pid)
    receive do: ({:DOWN, ^ref, _, _, r} -> IO.inspect(r, label: "killed after"))
    IO.inspect(:timer.cancel(:not_a_timer))
  end

  def sys do
    {:ok, a} = Agent.start_link(fn -> 5 end)
    IO.inspect(:sys.get_state(a), label: "agent state")
    IO.inspect(:sys.replace_state(a, &(&1 * 2)), label: "replaced")
    IO.inspect(Agent.get(a, & &1), label: "agent now")
    {:ok, _} = GenServer.start_link(Counter, %{n: 1}, name: :counter)
    IO.inspect(:sys.get_state(:counter), label: "server state")
    IO.inspect(GenServer.call(:counter, :get))

    try do
      :sys.get_state(:nobody)
    catch
      :exit, r -> IO.inspect(r, label: "exit")
    end
  end

  def tasks do
    {:ok, sup} = Task.Supervisor.start_link(name: TS)
    IO.inspect(Task.Supervisor.async(TS, fn -> 42 end) |> Task.await())
    IO.inspect(Task.Supervisor.async(sup, Enum, :sum, [[1, 2]]) |> Task.await())
    t = Task.Supervisor.async_nolink(TS, fn -> exit(:shutdown) end)
    IO.inspect(Task.yield(t, 1000), label: "nolink exit")
    {:ok, pid} = Task.Supervisor.start_child(TS, fn -> Process.sleep(1000) end)
    IO.inspect(Task.Supervisor.children(TS) == [pid], label: "one child")
    IO.inspect(Task.Supervisor.terminate_child(TS, pid))
    IO.inspect(Task.Supervisor.children(TS), label: "children")
    IO.inspect(Task.Supervisor.async_stream(TS, 1..3, &(&1 * 2)) |> Enum.to_list())
    nolink = Task.Supervisor.async_stream_nolink(TS, [1, 2], &(&1 + 1), max_concurrency: 1)
    IO.inspect(Enum.to_list(nolink))
    {:ok, _} = Supervisor.start_link([{Task.Supervisor, name: MyTS}], strategy: :one_for_one)
    IO.inspect(Task.Supervisor.async(MyTS, fn -> :supervised end) |> Task.await())
  end
end

TimerSysTasks.timers()
TimerSysTasks.sys()
TimerSysTasks.tasks()
