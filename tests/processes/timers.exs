defmodule T do
  def main do
    t1 = Process.send_after(self(), :late, 200)
    t2 = Process.send_after(self(), :early, 20)
    IO.inspect(is_reference(t1), label: "timer ref")
    receive do: (m -> IO.inspect(m, label: "first"))
    left = Process.cancel_timer(t1)
    IO.inspect(is_integer(left) and left > 0 and left <= 200, label: "cancel gives ms left")
    IO.inspect(Process.cancel_timer(t1), label: "cancel again")
    IO.inspect(Process.cancel_timer(t2), label: "cancel fired")
    IO.inspect(Process.read_timer(t2), label: "read fired")

    receive do
      :late -> IO.puts("cancelled timer fired")
    after
      300 -> IO.puts("cancelled timer stayed quiet")
    end

    Process.register(self(), :timer_test)
    Process.send_after(:timer_test, :by_name, 10)
    receive do: (m -> IO.inspect(m, label: "sent to a name"))
    t3 = Process.send_after(self(), :x, 1000)
    IO.inspect(Process.cancel_timer(t3, info: false), label: "cancel info: false")

    for ms <- [30, 0, 10] do
      Process.send_after(self(), {:tick, ms}, ms)
    end

    ticks = for _ <- 1..3, do: receive(do: ({:tick, ms} -> ms))
    IO.inspect(ticks, label: "ticks in due order")

    try do
      Process.send_after(self(), :x, -1)
    rescue
      e -> IO.inspect(e, label: "negative time")
    end

    IO.inspect(Process.sleep(10), label: "sleep")

    order =
      for {name, ms} <- [{:slow, 300}, {:fast, 10}, {:mid, 150}] do
        parent = self()
        spawn(fn -> Process.sleep(ms); send(parent, name) end)
      end

    _ = order
    got = for _ <- 1..3, do: receive(do: (n -> n))
    IO.inspect(got, label: "sleepers wake in order")

    r =
      receive do
        :nothing -> :got
      after
        0 -> :timeout
      end

    IO.inspect(r, label: "after 0")
  end
end

T.main()

# cancel_timer/2's options, :erlang.yield/0 and :erlang.spawn_opt/2.
t = Process.send_after(self(), :x, 1000)
IO.inspect(Process.cancel_timer(t, async: true, info: true), label: "async cancel")

receive do
  {:cancel_timer, ^t, left} -> IO.inspect(is_integer(left), label: "async info")
after
  100 -> IO.puts("no cancel_timer message")
end

t = :erlang.send_after(1000, self(), :x)
IO.inspect(:erlang.cancel_timer(t, info: false), label: "cancel_timer/2")
IO.inspect(:erlang.yield(), label: "yield")
{p, r} = :erlang.spawn_opt(fn -> :ok end, [:monitor])

receive do
  {:DOWN, ^r, _, ^p, x} -> IO.inspect(x, label: "spawn_opt monitor")
end
