# Process.exit/2 to another process takes effect when that process next
# runs: a message the sender sends right after reaches a third process
# before the target's DOWN, and a supervisor asked at once about the
# killed child still lists it, no longer active.
defmodule Main do
  def run do
    main = self()
    v = spawn(fn -> receive do _ -> :ok end end)

    o =
      spawn(fn ->
        ref = Process.monitor(v)
        send(main, :ready)

        for _ <- 1..2 do
          receive do
            {:ping, _} -> IO.puts("ping")
            {:DOWN, ^ref, :process, _, r} -> IO.puts("down #{inspect(r)}")
          end
        end

        send(main, :done)
      end)

    receive do: (:ready -> :ok)
    Process.exit(v, :boom)
    send(o, {:ping, self()})
    receive do: (:done -> :ok)

    child = %{id: :t, start: {Agent, :start_link, [fn -> 1 end]}, restart: :temporary}
    {:ok, sup} = Supervisor.start_link([child], strategy: :one_for_one)
    [{:t, pid, _, _}] = Supervisor.which_children(sup)
    Process.exit(pid, :kill)
    IO.inspect(Supervisor.count_children(sup))
    Process.sleep(20)
    IO.inspect(Supervisor.count_children(sup))
  end
end

Main.run()
