# N processes blocked in `receive`, alive until the script ends (see
# idle_memory.sh). argv: [N]
defmodule Idle do
  def wait do
    receive do
      :stop -> :ok
    end
  end

  def spawn_all(0, acc), do: acc
  def spawn_all(n, acc), do: spawn_all(n - 1, [spawn(fn -> wait() end) | acc])

  def run([n]) do
    pids = spawn_all(String.to_integer(n), [])
    # Let every process reach its receive.
    Process.sleep(300)
    IO.puts(length(pids))
  end
end

Idle.run(System.argv())
