defmodule T do
  def idle do
    receive do
      {:exit, reason} -> exit(reason)
    end
  end

  def wait_exit(pid) do
    receive do
      {:EXIT, ^pid, reason} -> {:exit, reason}
    after
      100 -> :none
    end
  end

  def main do
    Process.flag(:trap_exit, true)
    a = spawn(&idle/0)
    IO.inspect(Process.link(a), label: "link")
    IO.inspect(Process.info(a, :links) == {:links, [self()]}, label: "a links to us")
    IO.inspect(elem(Process.info(self(), :links), 1) |> Enum.member?(a), label: "we link to a")
    send(a, {:exit, :bye})
    IO.inspect(wait_exit(a), label: "a")
    b = spawn(&idle/0)
    Process.link(b)
    IO.inspect(Process.unlink(b), label: "unlink")
    IO.inspect(Process.info(b, :links), label: "b links")
    send(b, {:exit, :bye})
    IO.inspect(wait_exit(b), label: "b")
    IO.inspect(Process.link(self()), label: "link self")
    dead = spawn(fn -> :ok end)
    ref = Process.monitor(dead)
    receive do: ({:DOWN, ^ref, _, _, _} -> :ok)
    IO.inspect(Process.link(dead), label: "link dead while trapping")
    IO.inspect(wait_exit(dead), label: "dead")
    IO.inspect(Process.unlink(dead), label: "unlink dead")
    Process.flag(:trap_exit, false)

    try do
      Process.link(dead)
    rescue
      e -> IO.inspect(e, label: "link dead")
    end

    # Messages sent before an exit arrive before its EXIT message.
    Process.flag(:trap_exit, true)
    parent = self()

    c =
      spawn_link(fn ->
        for i <- 1..100, do: send(parent, {:n, i})
        exit(:done)
      end)

    got = collect(c, [])
    IO.inspect({length(got), List.last(got), got == Enum.map(1..100, &{:n, &1}) ++ [{:exit, :done}]})
  end

  def collect(c, acc) do
    receive do
      {:EXIT, ^c, reason} -> Enum.reverse([{:exit, reason} | acc])
      {:n, _} = m -> collect(c, [m | acc])
    end
  end
end

T.main()
