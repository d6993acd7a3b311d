# A process that keeps a map of conference speakers and their talks.
# It loops over its state, handling {:add, name}, {:remove, name} and
# {:team, pid} messages, as in the introductions to OTP.
defmodule Speakers do
  def start, do: spawn(fn -> loop(%{}) end)

  defp loop(speakers) do
    receive do
      {:add, name} ->
        IO.puts("added #{name}")
        loop(Map.put(speakers, name, :unassigned))

      {:remove, name} ->
        IO.puts("removed #{name}")
        loop(Map.delete(speakers, name))

      {:team, caller} ->
        send(caller, {:team, Map.keys(speakers)})
        loop(speakers)
    end
  end
end

pid = Speakers.start()
send(pid, {:add, "Ada"})
send(pid, {:add, "Grace"})
send(pid, {:add, "Joe"})
send(pid, {:remove, "Grace"})
send(pid, {:team, self()})

receive do
  {:team, names} -> IO.inspect(names, label: "team")
after
  1000 -> IO.puts("no answer")
end
