# Processes made runnable one after another run in that order (the BEAM's
# run queues are FIFO): workers woken by :go, and watchers woken by the
# :DOWN of one target, print in the order they were woken.
defmodule WakeOrder do
  def workers do
    ps =
      for n <- ~w(p1 p2 p3 p4) do
        spawn(fn -> receive do: (:go -> IO.puts("#{n} running")) end)
      end

    Process.sleep(10)
    Enum.each(ps, &send(&1, :go))
    Process.sleep(20)
  end

  def watcher(target, name) do
    parent = self()

    spawn(fn ->
      ref = Process.monitor(target)
      send(parent, :ready)
      receive do: ({:DOWN, ^ref, _, _, _} -> IO.puts("#{name} saw DOWN"))
    end)

    receive do: (:ready -> :ok)
  end

  def watchers do
    t = spawn(fn -> receive do: (:stop -> :ok) end)
    for n <- ~w(w1 w2 w3 w4), do: watcher(t, n)
    send(t, :stop)
    Process.sleep(20)
  end
end

WakeOrder.workers()
WakeOrder.watchers()
