# A crash spreading along links: the watcher of the whole chain hears the
# first process's :DOWN before the :DOWN or :EXIT of those it took down.
defmodule Chain do
  def run do
    parent = self()
    a = spawn(fn ->
      b = spawn_link(fn -> receive do :go -> exit(:b_failed) end end)
      send(parent, {:b, b})
      receive do :never -> :ok end
    end)
    ref_a = Process.monitor(a)
    b = receive do {:b, b} -> b end
    ref_b = Process.monitor(b)
    send(b, :go)
    for _ <- 1..2 do
      receive do
        {:DOWN, ^ref_a, _, _, r} -> IO.inspect(r, label: "a down")
        {:DOWN, ^ref_b, _, _, r} -> IO.inspect(r, label: "b down")
      end
    end
  end
end
Chain.run()
defmodule Trapped do
  def run do
    Process.flag(:trap_exit, true)
    me = self()
    child = spawn_link(fn ->
      gc = spawn_link(fn -> receive do :die -> exit(:gc_dead) end end)
      send(me, {:gc, gc})
      receive do after :infinity -> :ok end
    end)
    gc = receive do {:gc, g} -> g end
    Process.monitor(gc)
    send(gc, :die)
    Process.sleep(50)
    for _ <- 1..2 do
      receive do
        {:EXIT, p, r} -> IO.inspect({:exit, p == child, r})
        {:DOWN, _, _, p, r} -> IO.inspect({:down, p == gc, r})
      end
    end
  end
end
Trapped.run()
