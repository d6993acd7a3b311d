defmodule T do
  def junk(0), do: :ok

  def junk(n) do
    send(self(), {:junk, n})
    junk(n - 1)
  end

  def main do
    junk(100)
    send(self(), :old)
    ref = make_ref()
    send(self(), {ref, :new})

    receive do
      {^ref, x} -> IO.inspect(x, label: "ref clause")
    end

    # A catch-all clause can match older messages: no skipping.
    ref2 = make_ref()
    send(self(), {ref2, :new2})

    receive do
      {^ref2, x} -> IO.inspect({:ref, x})
      other -> IO.inspect(other, label: "catch-all")
    end

    # A ref made before the older messages does not let them be skipped.
    early = make_ref()
    send(self(), {early, :first})
    later = make_ref()
    _ = later

    receive do
      {^early, x} -> IO.inspect(x, label: "early ref")
    end

    # Many messages, a receive matching on a tag among them.
    for i <- 1..50, do: send(self(), {:tagged, i, i * i})

    picked =
      for i <- [7, 3, 50, 1] do
        receive do
          {:tagged, ^i, sq} -> sq
        end
      end

    IO.inspect(picked, label: "picked")

    # A guard clause and a literal clause over a full mailbox.
    receive do
      {:tagged, i, _} when i > 40 -> IO.inspect(i, label: "first over 40")
    end

    receive do
      {:junk, 42} -> IO.puts("junk 42")
    end

    rest = drain([])
    IO.inspect({length(rest), hd(rest), List.last(rest)}, label: "rest")
  end

  def drain(acc) do
    receive do
      m -> drain([m | acc])
    after
      0 -> Enum.reverse(acc)
    end
  end
end

T.main()
