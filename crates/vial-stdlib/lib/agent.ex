# Agent: a process holding a state that functions read and update, as a
# GenServer (Agent.Server below), after Elixir's agent.ex. Functions are
# anonymous functions or {module, fun, args}, where the state is prepended
# to args.
defmodule Agent do
  @doc "The child spec of {Agent, fun} and `use Agent` modules."
  def child_spec(arg) do
    %{id: Agent, start: {Agent, :start_link, [arg]}}
  end

  @doc "Starts an agent linked to the caller with the state `fun.()`: {:ok, pid} or {:error, reason}."
  def start_link(fun, options \\ []) when is_function(fun, 0) do
    GenServer.start_link(Agent.Server, fun, options)
  end

  def start_link(module, fun, args, options \\ []) do
    GenServer.start_link(Agent.Server, {module, fun, args}, options)
  end

  @doc "Starts an agent without a link."
  def start(fun, options \\ []) when is_function(fun, 0) do
    GenServer.start(Agent.Server, fun, options)
  end

  def start(module, fun, args, options \\ []) do
    GenServer.start(Agent.Server, {module, fun, args}, options)
  end

  @doc "`fun.(state)`, computed in the agent."
  def get(agent, fun, timeout \\ 5000) when is_function(fun, 1) do
    GenServer.call(agent, {:get, fun}, timeout)
  end

  def get(agent, module, fun, args, timeout \\ 5000) do
    GenServer.call(agent, {:get, {module, fun, args}}, timeout)
  end

  @doc "`fun.(state)` returns {reply, new_state}: the reply is returned."
  def get_and_update(agent, fun, timeout \\ 5000) when is_function(fun, 1) do
    GenServer.call(agent, {:get_and_update, fun}, timeout)
  end

  def get_and_update(agent, module, fun, args, timeout \\ 5000) do
    GenServer.call(agent, {:get_and_update, {module, fun, args}}, timeout)
  end

  @doc "Replaces the state with `fun.(state)` and waits: :ok."
  def update(agent, fun, timeout \\ 5000) when is_function(fun, 1) do
    GenServer.call(agent, {:update, fun}, timeout)
  end

  def update(agent, module, fun, args, timeout \\ 5000) do
    GenServer.call(agent, {:update, {module, fun, args}}, timeout)
  end

  @doc "Replaces the state with `fun.(state)` without waiting: :ok."
  def cast(agent, fun) when is_function(fun, 1) do
    GenServer.cast(agent, {:cast, fun})
  end

  def cast(agent, module, fun, args) do
    GenServer.cast(agent, {:cast, {module, fun, args}})
  end

  @doc "Stops the agent: :ok."
  def stop(agent, reason \\ :normal, timeout \\ :infinity) do
    GenServer.stop(agent, reason, timeout)
  end
end

defmodule Agent.Server do
  @moduledoc false

  def init(fun), do: {:ok, run(fun, [])}

  def handle_call({:get, fun}, _from, state), do: {:reply, run(fun, [state]), state}

  def handle_call({:get_and_update, fun}, _from, state) do
    case run(fun, [state]) do
      {reply, state} -> {:reply, reply, state}
      other -> {:stop, {:bad_return_value, other}, state}
    end
  end

  def handle_call({:update, fun}, _from, state), do: {:reply, :ok, run(fun, [state])}

  def handle_cast({:cast, fun}, state), do: {:noreply, run(fun, [state])}

  defp run({module, fun, args}, extra), do: apply(module, fun, extra ++ args)
  defp run(fun, extra), do: apply(fun, extra)
end
