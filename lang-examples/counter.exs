# A process that keeps a number and handles {:add, n} and {:remove, n}
# commands; {:value, pid} asks for the current number.
defmodule Counter do
  def start(initial), do: spawn(__MODULE__, :loop, [initial])

  def loop(n) do
    receive do
      {:add, k} -> loop(n + k)
      {:remove, k} -> loop(n - k)
      {:value, caller} ->
        send(caller, {:value, n})
        loop(n)
    end
  end

  def value(pid) do
    send(pid, {:value, self()})

    receive do
      {:value, n} -> n
    end
  end
end

counter = Counter.start(10)
send(counter, {:add, 5})
send(counter, {:remove, 3})
IO.puts("counter is #{Counter.value(counter)}")

Enum.each(1..100, fn i -> send(counter, {:add, i}) end)
IO.puts("after adding 1..100: #{Counter.value(counter)}")
IO.puts("alive? #{Process.alive?(counter)}")
