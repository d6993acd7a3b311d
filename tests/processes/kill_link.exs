defmodule T do
  def down(ref) do
    receive do
      {:DOWN, ^ref, :process, _, reason} -> reason
    end
  end

  def main do
    parent = self()

    {_partner, ref} =
      spawn_monitor(fn ->
        victim = spawn_link(fn -> Process.sleep(:infinity) end)
        send(parent, {:victim, victim})
        Process.sleep(:infinity)
      end)

    victim = receive do: ({:victim, v} -> v)
    Process.exit(victim, :kill)
    IO.inspect(down(ref), label: "non-trapping partner")

    {trapper, tref} =
      spawn_monitor(fn ->
        Process.flag(:trap_exit, true)
        victim = spawn_link(fn -> Process.sleep(:infinity) end)
        send(parent, {:victim, victim})

        receive do
          {:EXIT, ^victim, reason} -> send(parent, {:trapped, reason})
        end

        receive do
          :stop -> :ok
        end
      end)

    victim2 = receive do: ({:victim, v} -> v)
    Process.exit(victim2, :kill)
    receive do: ({:trapped, reason} -> IO.inspect(reason, label: "trapping partner got"))
    IO.inspect(Process.alive?(trapper), label: "trapping partner alive")
    send(trapper, :stop)
    IO.inspect(down(tref), label: "trapper ended")

    # An abnormal reason propagates through a link; :normal does not.
    {_, r3} =
      spawn_monitor(fn ->
        spawn_link(fn -> exit(:normal) end)
        Process.sleep(50)
        exit(:still_here)
      end)

    IO.inspect(down(r3), label: "after a linked normal exit")

    {_, r4} =
      spawn_monitor(fn ->
        spawn_link(fn -> exit(:broken) end)
        Process.sleep(:infinity)
      end)

    IO.inspect(down(r4), label: "after a linked abnormal exit")
  end
end

T.main()
