# Process.alive? right after Process.exit/2 sees the target dead, also
# when another scheduler is taking the signal at that moment.
bad =
  Enum.count(1..300, fn _ ->
    p = spawn(fn -> Process.sleep(100_000) end)
    Process.exit(p, :normal)
    Process.alive?(p)
    Process.exit(p, :other)
    Process.alive?(p)
  end)

IO.inspect(bad)
