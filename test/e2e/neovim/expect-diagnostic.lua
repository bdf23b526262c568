-- Opens a .cycle file in headless Neovim (0.7), attaches the cycle language server
-- over stdio and waits for a diagnostic with a given code on a given line.
-- Settings come from the environment: CYCLE_SERVER, CYCLE_CODE, CYCLE_LINE (1-based).
local server = os.getenv('CYCLE_SERVER')
local code = os.getenv('CYCLE_CODE')
local line = tonumber(os.getenv('CYCLE_LINE'))

local function finish(ok, message)
  io.stdout:write(message .. '\n')
  io.stdout:flush()
  if ok then vim.cmd('qall!') else vim.cmd('cquit 1') end
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local buf = vim.api.nvim_get_current_buf()
    local client = vim.lsp.start_client({
      name = 'cycle',
      cmd = { 'node', server, '--stdio' },
      root_dir = vim.fn.getcwd(),
    })
    if not client then return finish(false, 'FAIL: the language server did not start') end
    vim.lsp.buf_attach_client(buf, client)
    local found = nil
    vim.wait(20000, function()
      for _, d in ipairs(vim.diagnostic.get(buf)) do
        local dcode = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
        if dcode == code then found = d return true end
      end
      return false
    end, 50)
    if not found then
      local seen = {}
      for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(seen, tostring(d.code) .. '@' .. (d.lnum + 1)) end
      return finish(false, 'FAIL: no ' .. code .. ' diagnostic; got: ' .. table.concat(seen, ', '))
    end
    if found.lnum + 1 ~= line then
      return finish(false, 'FAIL: ' .. code .. ' on line ' .. (found.lnum + 1) .. ', expected line ' .. line)
    end
    finish(true, 'OK: ' .. code .. ' on line ' .. line .. ' col ' .. (found.col + 1) .. ': ' .. found.message)
  end,
})
