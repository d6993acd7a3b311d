# A receive timeout measures from the receive it belongs to, whatever
# earlier receives with timeouts left behind.
defmodule T do
  # Did `msg` arrive before the receive that just timed out ended?
  def arrived?(msg) do
    receive do
      ^msg -> true
    after
      0 -> false
    end
  end
end

# A short wait ended by a message (after the process went to sleep), then
# a longer wait that times out: it must not end at the short wait's
# deadline (:tick, due in between, is there when it times out).
Process.send_after(self(), :go, 10)
receive do
  :go -> :ok
after
  50 -> :bad
end

Process.send_after(self(), :tick, 150)
r =
  receive do
    :never -> :never
  after
    300 -> :timeout
  end

IO.inspect({r, T.arrived?(:tick)}, label: "longer after shorter")

# A long wait ended by a message, then a shorter wait that times out: it
# must end at its own deadline (:late, due long after, is not there yet).
Process.send_after(self(), :go, 10)
receive do
  :go -> :ok
after
  5000 -> :bad
end

Process.send_after(self(), :late, 2000)
r =
  receive do
    :never -> :never
  after
    30 -> :timeout
  end

IO.inspect({r, T.arrived?(:late)}, label: "shorter after longer")

# Many request/reply rounds with a long timeout, then a sleep.
me = self()
echo = spawn(fn -> for _ <- 1..1000, do: receive(do: ({from, n} -> send(from, {:echo, n}))) end)
sum =
  Enum.reduce(1..1000, 0, fn n, acc ->
    send(echo, {me, n})
    receive do
      {:echo, ^n} -> acc + n
    after
      5000 -> :lost
    end
  end)

IO.inspect(sum, label: "echoed")
Process.sleep(20)
IO.puts("slept")
