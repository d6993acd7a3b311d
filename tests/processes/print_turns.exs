# Printing makes a process wait for the output device, as on the BEAM,
# where IO.puts waits for the group leader's reply: processes that print
# in turn interleave their lines instead of each finishing its own first.
defmodule PrintTurns do
  def spawned_child do
    spawn(fn ->
      IO.puts("child 1")
      IO.puts("child 2")
      IO.puts("child 3")
    end)

    IO.puts("main 1")
    IO.puts("main 2")
    IO.puts("main 3")
    Process.sleep(20)
  end

  def woken_child do
    c =
      spawn(fn ->
        receive do
          :go -> Enum.each(1..3, fn i -> IO.inspect({:child, i}) end)
        end
      end)

    Process.sleep(10)
    send(c, :go)
    Enum.each(1..3, fn i -> IO.inspect({:main, i}) end)
    Process.sleep(20)
  end

  def two_workers do
    for name <- ["a", "b"] do
      spawn(fn -> for i <- 1..3, do: IO.write("#{name}#{i}\n") end)
    end

    Process.sleep(20)
  end
end

PrintTurns.spawned_child()
PrintTurns.woken_child()
PrintTurns.two_workers()
