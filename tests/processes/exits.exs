defmodule T do
  def sleeper do
    receive do
      :never -> :ok
    end
  end

  def trapper(parent) do
    Process.flag(:trap_exit, true)
    send(parent, :ready)
    loop(parent)
  end

  def loop(parent) do
    receive do
      msg ->
        send(parent, {:got, msg})
        loop(parent)
    end
  end

  def down(ref) do
    receive do
      {:DOWN, ^ref, :process, _, reason} -> reason
    end
  end

  def main do
    parent = self()
    {s, sr} = spawn_monitor(&sleeper/0)
    IO.inspect(Process.exit(s, :normal), label: "exit normal returns")
    IO.inspect(Process.alive?(s), label: "alive after :normal")
    Process.exit(s, :shutdown)
    IO.inspect(down(sr), label: "after :shutdown")

    {t, tr} = spawn_monitor(fn -> trapper(parent) end)
    receive do: (:ready -> :ok)
    Process.exit(t, :normal)
    receive do: ({:got, {:EXIT, from, reason}} -> IO.inspect({from == self(), reason}, label: "trapped normal"))
    Process.exit(t, {:please, :stop})
    receive do: ({:got, {:EXIT, _, reason}} -> IO.inspect(reason, label: "trapped reason"))
    Process.exit(t, :kill)
    IO.inspect(down(tr), label: "trapper after kill")
    IO.inspect(Process.exit(t, :kill), label: "exit to dead pid")

    {u, ur} =
      spawn_monitor(fn ->
        Process.flag(:trap_exit, true)
        Process.exit(self(), :custom)

        receive do
          {:EXIT, me, reason} -> exit({:saw, me == self(), reason})
        end
      end)

    IO.inspect({down(ur), Process.alive?(u)}, label: "self exit while trapping")

    {_, vr} =
      spawn_monitor(fn ->
        try do
          exit(:caught)
        catch
          :exit, r -> exit({:after_catch, r})
        end
      end)

    IO.inspect(down(vr), label: "caught exit")

    {_, er} = spawn_monitor(fn -> raise ArgumentError, "bad" end)

    case down(er) do
      {%ArgumentError{message: m}, [_ | _]} -> IO.inspect(m, label: "error reason")
      other -> IO.inspect(other, label: "unexpected")
    end

    {_, thr} = spawn_monitor(fn -> throw(:ball) end)

    case down(thr) do
      {{:nocatch, v}, [_ | _]} -> IO.inspect(v, label: "throw reason")
      other -> IO.inspect(other, label: "unexpected")
    end
  end
end

T.main()
