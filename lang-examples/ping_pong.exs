# Two processes bounce a counter back and forth; make_ref tags the final reply.
defmodule PingPong do
  def player(name) do
    receive do
      {:ball, 0, from, ref} ->
        send(from, {:done, ref, name})

      {:ball, n, partner, origin, ref} ->
        send(partner, next(n - 1, self(), origin, ref))
        player(name)
    end
  end

  defp next(0, _me, origin, ref), do: {:ball, 0, origin, ref}
  defp next(n, me, origin, ref), do: {:ball, n, me, origin, ref}
end

ping = spawn(fn -> PingPong.player(:ping) end)
pong = spawn(fn -> PingPong.player(:pong) end)
ref = make_ref()
send(ping, {:ball, 10, pong, self(), ref})

receive do
  {:done, ^ref, who} -> IO.puts("#{who} caught the last ball")
after
  2000 -> IO.puts("lost the ball")
end
