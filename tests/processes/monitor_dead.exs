defmodule T do
  def main do
    {pid, ref} = spawn_monitor(fn -> :ok end)
    receive do: ({:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason, label: "first"))
    ref2 = Process.monitor(pid)

    receive do
      {:DOWN, ^ref2, :process, ^pid, reason} -> IO.inspect(reason, label: "monitor on a dead pid")
    end

    ref3 = Process.monitor(:nobody_here)

    receive do
      {:DOWN, ^ref3, :process, who, reason} ->
        IO.inspect({who, reason}, label: "monitor on a free name")
    end
  end
end

T.main()
