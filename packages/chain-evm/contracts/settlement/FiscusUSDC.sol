// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 Fiscus contributors. Licensed under the Apache License, Version 2.0.
pragma solidity ^0.8.17;

/// @title A local 6-decimal USD stablecoin for devnets, shaped like Circle's FiatToken.
/// @notice Written for Fiscus devnets only (never deployed on a real network, where the real
/// USDC is configured). It reproduces the behaviours of FiatToken that the platform must handle:
/// a blacklist (a blacklisted address can neither send nor receive nor approve), a global pause,
/// EIP-2612 permit, and a master minter that configures minters with an allowance (the devnet
/// faucet). Revert messages are the ones FiatToken uses, so one error mapping serves both.
contract FiscusUSDC {
    string public name;
    string public symbol;
    string public constant currency = "USD";
    uint8 public constant decimals = 6;
    string public constant version = "2";

    address public owner;
    address public masterMinter;
    address public pauser;
    address public blacklister;
    bool public paused;

    uint256 public totalSupply;
    mapping(address => uint256) private balances;
    mapping(address => mapping(address => uint256)) private allowed;
    mapping(address => bool) private blacklisted;
    mapping(address => bool) public isMinter;
    mapping(address => uint256) public minterAllowance;
    mapping(address => uint256) public nonces;

    bytes32 public constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
    uint256 private constant HALF_ORDER = 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    event Mint(address indexed minter, address indexed to, uint256 amount);
    event Burn(address indexed burner, uint256 amount);
    event MinterConfigured(address indexed minter, uint256 minterAllowedAmount);
    event MinterRemoved(address indexed oldMinter);
    event Blacklisted(address indexed account);
    event UnBlacklisted(address indexed account);
    event Pause();
    event Unpause();

    constructor(string memory name_, string memory symbol_, address owner_) {
        name = name_;
        symbol = symbol_;
        owner = owner_;
        masterMinter = owner_;
        pauser = owner_;
        blacklister = owner_;
    }

    modifier only(address role, string memory message) {
        require(msg.sender == role, message);
        _;
    }

    modifier whenNotPaused() {
        require(!paused, "Pausable: paused");
        _;
    }

    modifier notBlacklisted(address account) {
        require(!blacklisted[account], "Blacklistable: account is blacklisted");
        _;
    }

    // ── ERC-20 ──────────────────────────────────────────────────────────────────────────────

    function balanceOf(address account) external view returns (uint256) {
        return balances[account];
    }

    function allowance(address holder, address spender) external view returns (uint256) {
        return allowed[holder][spender];
    }

    function transfer(address to, uint256 value)
        external
        whenNotPaused
        notBlacklisted(msg.sender)
        notBlacklisted(to)
        returns (bool)
    {
        _transfer(msg.sender, to, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value)
        external
        whenNotPaused
        notBlacklisted(msg.sender)
        notBlacklisted(from)
        notBlacklisted(to)
        returns (bool)
    {
        uint256 current = allowed[from][msg.sender];
        require(value <= current, "ERC20: transfer amount exceeds allowance");
        if (current != type(uint256).max) allowed[from][msg.sender] = current - value;
        _transfer(from, to, value);
        return true;
    }

    function approve(address spender, uint256 value)
        external
        whenNotPaused
        notBlacklisted(msg.sender)
        notBlacklisted(spender)
        returns (bool)
    {
        _approve(msg.sender, spender, value);
        return true;
    }

    function _transfer(address from, address to, uint256 value) private {
        require(from != address(0), "ERC20: transfer from the zero address");
        require(to != address(0), "ERC20: transfer to the zero address");
        require(value <= balances[from], "ERC20: transfer amount exceeds balance");
        unchecked {
            balances[from] -= value;
        }
        balances[to] += value;
        emit Transfer(from, to, value);
    }

    function _approve(address holder, address spender, uint256 value) private {
        require(holder != address(0) && spender != address(0), "ERC20: approve to the zero address");
        allowed[holder][spender] = value;
        emit Approval(holder, spender, value);
    }

    // ── EIP-2612 ────────────────────────────────────────────────────────────────────────────

    /// @dev Computed on each call: a devnet forked or restarted under another chain id stays correct.
    function DOMAIN_SEPARATOR() public view returns (bytes32) {
        return keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256(bytes(name)),
                keccak256(bytes(version)),
                block.chainid,
                address(this)
            )
        );
    }

    function permit(address holder, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
        whenNotPaused
        notBlacklisted(holder)
        notBlacklisted(spender)
    {
        require(deadline >= block.timestamp, "FiatTokenV2: permit is expired");
        bytes32 structHash = keccak256(abi.encode(PERMIT_TYPEHASH, holder, spender, value, nonces[holder]++, deadline));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", DOMAIN_SEPARATOR(), structHash));
        require(uint256(s) <= HALF_ORDER && (v == 27 || v == 28), "EIP2612: invalid signature");
        address signer = ecrecover(digest, v, r, s);
        require(signer != address(0) && signer == holder, "EIP2612: invalid signature");
        _approve(holder, spender, value);
    }

    // ── Minting (the devnet faucet) ─────────────────────────────────────────────────────────

    function configureMinter(address minter, uint256 allowance_)
        external
        whenNotPaused
        only(masterMinter, "FiatToken: caller is not the masterMinter")
        returns (bool)
    {
        isMinter[minter] = true;
        minterAllowance[minter] = allowance_;
        emit MinterConfigured(minter, allowance_);
        return true;
    }

    function removeMinter(address minter) external only(masterMinter, "FiatToken: caller is not the masterMinter") returns (bool) {
        isMinter[minter] = false;
        minterAllowance[minter] = 0;
        emit MinterRemoved(minter);
        return true;
    }

    function mint(address to, uint256 amount) external whenNotPaused notBlacklisted(msg.sender) notBlacklisted(to) returns (bool) {
        require(isMinter[msg.sender], "FiatToken: caller is not a minter");
        require(to != address(0), "FiatToken: mint to the zero address");
        require(amount > 0, "FiatToken: mint amount not greater than 0");
        require(amount <= minterAllowance[msg.sender], "FiatToken: mint amount exceeds minterAllowance");
        minterAllowance[msg.sender] -= amount;
        totalSupply += amount;
        balances[to] += amount;
        emit Mint(msg.sender, to, amount);
        emit Transfer(address(0), to, amount);
        return true;
    }

    function burn(uint256 amount) external whenNotPaused notBlacklisted(msg.sender) {
        require(isMinter[msg.sender], "FiatToken: caller is not a minter");
        require(amount > 0, "FiatToken: burn amount not greater than 0");
        require(amount <= balances[msg.sender], "FiatToken: burn amount exceeds balance");
        balances[msg.sender] -= amount;
        totalSupply -= amount;
        emit Burn(msg.sender, amount);
        emit Transfer(msg.sender, address(0), amount);
    }

    // ── Blacklist and pause ─────────────────────────────────────────────────────────────────

    function isBlacklisted(address account) external view returns (bool) {
        return blacklisted[account];
    }

    function blacklist(address account) external only(blacklister, "Blacklistable: caller is not the blacklister") {
        blacklisted[account] = true;
        emit Blacklisted(account);
    }

    function unBlacklist(address account) external only(blacklister, "Blacklistable: caller is not the blacklister") {
        blacklisted[account] = false;
        emit UnBlacklisted(account);
    }

    function pause() external only(pauser, "Pausable: caller is not the pauser") {
        paused = true;
        emit Pause();
    }

    function unpause() external only(pauser, "Pausable: caller is not the pauser") {
        paused = false;
        emit Unpause();
    }

    function transferOwnership(address newOwner) external only(owner, "Ownable: caller is not the owner") {
        require(newOwner != address(0), "Ownable: new owner is the zero address");
        owner = newOwner;
    }
}
