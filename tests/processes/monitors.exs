defmodule T do
  def gated do
    spawn(fn ->
      receive do
        {:go, f} -> f.()
      end
    end)
  end

  def main do
    pid = gated()
    ref = Process.monitor(pid)
    IO.inspect(Process.info(self(), :monitors) == {:monitors, [{:process, pid}]}, label: "monitors")
    IO.inspect(Process.info(pid, :monitored_by) == {:monitored_by, [self()]}, label: "monitored_by")
    IO.inspect(Process.demonitor(ref), label: "demonitor")
    IO.inspect(Process.info(self(), :monitors), label: "monitors after")
    send(pid, {:go, fn -> exit(:gone) end})

    receive do
      {:DOWN, ^ref, _, _, _} -> IO.puts("unexpected DOWN")
    after
      100 -> IO.puts("no DOWN after demonitor")
    end

    # A DOWN already delivered stays unless flushed.
    {p2, r2} = spawn_monitor(fn -> :ok end)
    Process.sleep(50)
    IO.inspect(Process.demonitor(r2, [:info]), label: "demonitor info (fired)")

    receive do
      {:DOWN, ^r2, :process, ^p2, reason} -> IO.inspect(reason, label: "DOWN still there")
    after
      0 -> IO.puts("DOWN gone")
    end

    {_p3, r3} = spawn_monitor(fn -> :ok end)
    Process.sleep(50)
    IO.inspect(Process.demonitor(r3, [:flush]), label: "demonitor flush")

    receive do
      {:DOWN, ^r3, _, _, _} -> IO.puts("DOWN still there")
    after
      0 -> IO.puts("DOWN flushed")
    end

    p4 = gated()
    r4 = Process.monitor(p4)
    IO.inspect(Process.demonitor(r4, [:info]), label: "demonitor info (active)")
    IO.inspect(Process.demonitor(r4, [:info]), label: "demonitor info (again)")
    IO.inspect(Process.demonitor(r4, [:flush, :info]), label: "flush info")

    # Two monitors, two DOWNs; reasons of various kinds.
    p5 = gated()
    ra = Process.monitor(p5)
    rb = Process.monitor(p5)
    send(p5, {:go, fn -> exit({:shutdown, :twice}) end})

    for r <- [rb, ra] do
      receive do
        {:DOWN, ^r, :process, ^p5, reason} -> IO.inspect(reason, label: "DOWN")
      end
    end

    for f <- [
          fn -> :normal_return end,
          fn -> exit(:normal) end,
          fn -> Process.exit(self(), :kill) end,
          fn -> Process.exit(self(), :normal) end,
          fn -> Process.exit(self(), :custom) end
        ] do
      {pid, ref} = spawn_monitor(f)

      receive do
        {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason, label: "reason")
      end
    end

    # Monitor by registered name: DOWN names it as {name, node}.
    p6 = gated()
    Process.register(p6, :named)
    r6 = Process.monitor(:named)
    send(p6, {:go, fn -> :ok end})

    receive do
      {:DOWN, ^r6, :process, obj, reason} -> IO.inspect({obj, reason}, label: "named DOWN")
    end
  end
end

T.main()
