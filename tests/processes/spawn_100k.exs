defmodule Many do
  def spawn_all(0, _parent), do: :ok

  def spawn_all(n, parent) do
    spawn(fn -> send(parent, {:reply, n}) end)
    spawn_all(n - 1, parent)
  end

  def collect(0, acc), do: acc

  def collect(n, acc) do
    receive do
      {:reply, i} -> collect(n - 1, acc + i)
    end
  end
end

Many.spawn_all(100_000, self())
IO.puts(Many.collect(100_000, 0))
