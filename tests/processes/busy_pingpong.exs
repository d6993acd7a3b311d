defmodule Busy do
  def loop(n), do: loop(n + 1)
end

defmodule Pong do
  def loop do
    receive do
      {:ping, from, i} ->
        send(from, {:pong, i})
        loop()
    end
  end
end

defmodule Ping do
  def run(_pong, 0), do: :ok

  def run(pong, i) do
    send(pong, {:ping, self(), i})

    receive do
      {:pong, ^i} -> run(pong, i - 1)
    end
  end

  def main do
    spawn(fn -> Busy.loop(0) end)
    pong = spawn(&Pong.loop/0)
    run(pong, 1000)
    IO.puts("ping-pong done beside a busy process")
    busy = spawn(fn -> Busy.loop(0) end)
    ref = Process.monitor(busy)
    Process.exit(busy, :kill)

    receive do
      {:DOWN, ^ref, :process, ^busy, reason} -> IO.inspect(reason, label: "busy process")
    end
  end
end

Ping.main()
