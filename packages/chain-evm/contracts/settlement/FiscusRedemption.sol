// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 Fiscus contributors. Licensed under the Apache License, Version 2.0.
pragma solidity ^0.8.17;

import {SettlementBase} from "./SettlementBase.sol";

/// @title Redemptions paid on chain in the fund's stablecoin, and the fund's stablecoin treasury.
/// @notice This contract holds the platform's stablecoin for the fund on this chain: subscriptions
/// (FiscusSubscription) pay into it, instant redemptions and the platform's queued payouts pay
/// from it, so one balance is the chain's stablecoin cash the ledger reconciles against.
/// `redeem(units, minAmount)`: instant, within the per-UTC-day liquidity limit and the
/// stablecoin this contract holds — the units are burned and their value at the NAV feed's latest
/// round (rounded DOWN) is paid in the same transaction. Beyond the limit or the liquidity,
/// `requestRedeem(units)` burns the units now, prices them at the same NAV and emits
/// `RedeemRequested`: the platform pays it later, first in first out (ERC-7540's request →
/// pending → settled). This contract is a token agent (T-REX burn); it only ever burns the
/// caller's own free (unfrozen) units.
contract FiscusRedemption is SettlementBase {
    /// @notice The platform key that pays queued redemptions (the engine's `payout` operations).
    address public payer;
    /// @notice Stablecoin base units paid instantly per UTC day, all investors together.
    uint256 public dailyLiquidity;
    mapping(uint256 => uint256) public paidOn;
    uint256 public lastRequestId;

    event RedemptionCreated(bytes32 indexed fundKey, address indexed token, address indexed payer);
    event Redeemed(address indexed investor, uint256 units, uint256 stablecoinAmount, uint80 navRound, uint256 nav);
    event RedeemRequested(address indexed investor, uint256 indexed requestId, uint256 units, uint256 stablecoinAmount, uint80 navRound, uint256 nav);
    event DailyLiquiditySet(uint256 dailyLiquidity);
    event Paid(address indexed to, uint256 amount);
    event PayerChanged(address indexed payer);

    error InstantLimitExceeded(uint256 requested, uint256 available);
    error InsufficientLiquidity(uint256 requested, uint256 available);
    error InsufficientUnits(uint256 requested, uint256 free);
    error NotPayer();

    constructor(
        bytes32 fundKey,
        address token_,
        address stablecoin_,
        address navFeed_,
        address payer_,
        uint256 maxNavAge_,
        int256 minNav_,
        uint256 dailyLiquidity_
    ) SettlementBase(token_, stablecoin_, navFeed_, maxNavAge_, minNav_) {
        payer = payer_;
        dailyLiquidity = dailyLiquidity_;
        emit RedemptionCreated(fundKey, token_, payer_);
    }

    /// @notice Key rotation of the paying key (owner only).
    function setPayer(address payer_) external onlyOwner {
        payer = payer_;
        emit PayerChanged(payer_);
    }

    function setDailyLiquidity(uint256 dailyLiquidity_) external onlyOwner {
        dailyLiquidity = dailyLiquidity_;
        emit DailyLiquiditySet(dailyLiquidity_);
    }

    /// @notice A payment decided off chain (a queued redemption, liquidity moved to another chain):
    /// only the payer key, only from what this contract holds. Not bound by the instant limit: the
    /// engine's FIFO queue and daily limit govern it. The stablecoin's own refusals (blacklisted
    /// recipient, paused) revert with its messages.
    function payout(address to, uint256 amount) external {
        if (msg.sender != payer) revert NotPayer();
        if (amount == 0) revert ZeroAmount();
        uint256 held = stablecoin.balanceOf(address(this));
        if (amount > held) revert InsufficientLiquidity(amount, held);
        require(stablecoin.transfer(to, amount), "stablecoin transfer failed");
        emit Paid(to, amount);
    }

    /// @notice Stablecoin an instant redemption can still pay today.
    function instantAvailable() public view returns (uint256) {
        uint256 spent = paidOn[_today()];
        uint256 limitLeft = dailyLiquidity > spent ? dailyLiquidity - spent : 0;
        uint256 held = stablecoin.balanceOf(address(this));
        return limitLeft < held ? limitLeft : held;
    }

    function redeem(uint256 units, uint256 minAmount) external whenOpen returns (uint256 amount) {
        uint80 round;
        uint256 nav;
        (amount, round, nav) = _price(msg.sender, units);
        if (amount < minAmount) revert Slippage(amount, minAmount);
        uint256 day = _today();
        uint256 spent = paidOn[day];
        if (spent + amount > dailyLiquidity) revert InstantLimitExceeded(amount, dailyLiquidity > spent ? dailyLiquidity - spent : 0);
        uint256 held = stablecoin.balanceOf(address(this));
        if (amount > held) revert InsufficientLiquidity(amount, held);
        paidOn[day] = spent + amount;
        token.burn(msg.sender, units);
        // A blacklisted investor makes this revert: the burn is undone with it.
        require(stablecoin.transfer(msg.sender, amount), "stablecoin transfer failed");
        emit Redeemed(msg.sender, units, amount, round, nav);
    }

    function requestRedeem(uint256 units) external whenOpen returns (uint256 requestId) {
        (uint256 amount, uint80 round, uint256 nav) = _price(msg.sender, units);
        requestId = ++lastRequestId;
        token.burn(msg.sender, units);
        emit RedeemRequested(msg.sender, requestId, units, amount, round, nav);
    }

    /// @dev T-REX's agent burn would take frozen units once the free ones are gone: refused here.
    function _price(address investor, uint256 units) private view returns (uint256 amount, uint80 round, uint256 nav) {
        if (units == 0) revert ZeroAmount();
        _checkInvestor(investor);
        uint256 balance = token.balanceOf(investor);
        uint256 frozen = token.getFrozenTokens(investor);
        uint256 free = balance > frozen ? balance - frozen : 0;
        if (units > free) revert InsufficientUnits(units, free);
        (round, nav) = currentNav();
        amount = stablecoinFor(units, nav);
        if (amount == 0) revert ZeroAmount();
    }
}
