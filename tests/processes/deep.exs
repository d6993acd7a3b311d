defmodule Deep do
  def sum(0), do: 0
  def sum(n), do: n + sum(n - 1)

  def main do
    {pid, ref} = spawn_monitor(fn -> exit({:sum, Deep.sum(1_000_000)}) end)

    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason)
    end
  end
end

Deep.main()
